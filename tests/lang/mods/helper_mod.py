# Helper module imported by tests/lang/imports.py.
print("helper_mod loading")
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello {name} from {__name__}"
class Thing:
    def __repr__(self):
        return "Thing()"
counter = 0
def bump():
    global counter
    counter += 1
    return counter
