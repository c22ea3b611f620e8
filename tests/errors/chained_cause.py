class ConfigError(Exception):
    pass


def read(path):
    try:
        raise FileNotFoundError(2, "No such file or directory", path)
    except OSError as e:
        raise ConfigError("cannot read config") from e


read("settings.ini")
