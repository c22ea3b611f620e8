# A package used by tests/lang/imports.py.
print("pkg init")
from .sub import sub_value
PKG_NAME = "pkg"
