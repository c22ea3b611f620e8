# circ_a and circ_b import each other; the partially initialised module is
# visible to the second importer.
import circ_b
A = "a"
def get_b():
    return circ_b.B
