LEAF = "leaf"
def where():
    return __name__
