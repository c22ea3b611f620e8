# Imports: C modules, a local helper module, packages with relative imports,
# from-imports, aliases, module caching, circular imports, ImportError.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'mods'))
import math
from math import sqrt, pi as PI
print(math.sqrt(16), sqrt(2), PI, math.__name__)
import helper_mod
import helper_mod as hm
from helper_mod import greet, VALUE, Thing
print(helper_mod.VALUE, hm is helper_mod, greet("bob"), VALUE, Thing(), helper_mod.__name__)
print(hm.bump(), hm.bump(), helper_mod.counter)
import helper_mod
print("second import is cached:", sys.modules["helper_mod"] is hm)
from helper_mod import *
print(bump(), "_private" in dir())
import pkg
print(pkg.PKG_NAME, pkg.sub_value, pkg.sub.sub_value)
import pkg.leaf
from pkg.leaf import where
from pkg import leaf as lf
print(pkg.leaf.LEAF, where(), lf is pkg.leaf)
import circ_a
print(circ_a.get_b(), circ_a.circ_b.get_a())
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from helper_mod import nope
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
def local_import():
    import helper_mod as inner
    return inner.VALUE
print(local_import())
print(type(math).__name__, hasattr(math, "floor"), "math" in sys.modules)
