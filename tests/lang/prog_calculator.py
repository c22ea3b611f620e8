# A small program: a tokenizer, recursive-descent parser and evaluator for
# arithmetic with variables, exercising classes, exceptions and dicts.
class Token:
    def __init__(self, kind, text):
        self.kind, self.text = kind, text
    def __repr__(self):
        return f"{self.kind}:{self.text}"
class CalcError(Exception):
    pass
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(Token("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(Token("name", src[i:j]))
            i = j
        elif c in "+-*/%()^=,":
            toks.append(Token("op", c))
            i += 1
        else:
            raise CalcError(f"bad character {c!r} at {i}")
    toks.append(Token("end", ""))
    return toks
class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self, toks, env):
        self.toks, self.pos, self.env = toks, 0, env
    def peek(self):
        return self.toks[self.pos]
    def take(self, text=None):
        t = self.toks[self.pos]
        if text is not None and t.text != text:
            raise CalcError(f"expected {text!r}, got {t.text!r}")
        self.pos += 1
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.pos + 1].text == "=":
            name = self.take().text
            self.take("=")
            v = self.expr()
            self.env[name] = v
            return v
        return self.expr()
    def expr(self):
        v = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                if r == 0:
                    raise CalcError("division by zero")
                v /= r
            else:
                v %= r
        return v
    def factor(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek().text == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        t = self.take()
        if t.kind == "num":
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "name":
            if self.peek().text == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek().text == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                if t.text not in self.FUNCS:
                    raise CalcError(f"unknown function {t.text}")
                return self.FUNCS[t.text](*args)
            if t.text not in self.env:
                raise CalcError(f"undefined variable {t.text}")
            return self.env[t.text]
        if t.text == "(":
            v = self.expr()
            self.take(")")
            return v
        raise CalcError(f"unexpected {t.text!r}")
env = {}
program = ["x = 3", "y = x * (2 + 4)", "y - 1", "2 ^ 3 ^ 2", "-x ^ 2", "10 / 4", "10 % 4 + 0.5",
           "max(x, y, 7) + min(1, 2)", "abs(-2.5) * 2", "z + 1", "1 / (x - 3)", "3 $ 4", "(1 + 2",
           "big = 2 ^ 100", "big % 1000007", "foo(1)", "1.5 * 4", "a_b = 7", "a_b * a_b"]
for line in program:
    try:
        print(f"{line:28} => {Parser(tokenize(line), env).statement()!r}")
    except CalcError as e:
        print(f"{line:28} => error: {e}")
print(sorted(env.items()))
print(tokenize("max(1, x2) * 3"))
