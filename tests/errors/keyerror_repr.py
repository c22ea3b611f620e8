config = {"name": "gilt"}
print(config["name"])
print(config["version"])
