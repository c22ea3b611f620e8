def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise ValueError("no entry for " + key)


lookup({}, "x")
