# File I/O: text and binary modes, with-statement, line iteration, seek/tell,
# append mode, readline(s), errors for missing files and closed files.
import os
path = f"/tmp/gilt_test_fileio_{os.getpid()}.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second línea ü\n")
    f.writelines(["third\n", "fourth"])
print("wrote", n, f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    for i, line in enumerate(f):
        print(i, repr(line), repr(line.rstrip("\n")))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), f.readlines())
with open(path, "a") as f:
    f.write("\nappended\n")
with open(path) as f:
    lines = f.read().splitlines()
print(lines, len(lines))
with open(path, "rb") as f:
    data = f.read()
print(type(data).__name__, len(data), data[:10], data.count(b"\n"))
bpath = path + ".bin"
with open(bpath, "wb") as f:
    f.write(bytes(range(256)))
    f.write(b"\x00\xff")
with open(bpath, "rb") as f:
    head = f.read(4)
    print(head, f.tell())
    f.seek(250)
    print(f.read(3), f.tell())
    rest = f.read()
    print(len(rest), rest[-2:])
    print(f.read(), f.read(5))
print(os.path.getsize(bpath), os.path.exists(bpath))
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("/tmp/definitely/not/there.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
except OSError as e:
    print("OSError", e)
with open(path, "w") as f:
    for i in range(1000):
        print(i, i * i, sep=",", file=f)
total = 0
with open(path) as f:
    for line in f:
        a, b = line.split(",")
        total += int(b)
print(total)
with open(path, "w", newline="") as f:
    f.write("crlf\r\nline\r\n")
with open(path) as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
os.remove(bpath)
print(os.path.exists(path), os.path.exists(bpath))
