class ParseError(Exception):
    def __init__(self, line, reason):
        super().__init__(line, reason)
        self.line = line

    def __str__(self):
        return "line %d: %s" % (self.line, self.args[1])


raise ParseError(7, "unexpected token")
