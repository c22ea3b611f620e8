# gilt differs on purpose (README, "Where gilt differs"): a call may write
# out at most 65535 positional arguments (CALL keeps the count in 16 bits
# beside its borrowed-argument count); more is a SyntaxError naming the
# limit. python3 accepts any number, hence call_arg_limit.expect.
def count(*args):
    return len(args)

src = "count(" + ", ".join(["1"] * 65535) + ")"
print(eval(src))
try:
    compile("count(" + ", ".join(["1"] * 65536) + ")", "<many>", "eval")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(count(*([1] * 70000)))
