# Submodule of pkg with a relative import of its sibling.
from . import leaf
sub_value = "sub:" + leaf.LEAF
