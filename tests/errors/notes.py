e = TypeError("bad operand")
e.add_note("while adding totals")
e.add_note("row 3")
raise e
