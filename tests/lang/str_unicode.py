# Strings with non-ASCII text: indexing and slicing count code points,
# not bytes; len, iteration, ord/chr, encode/decode.
s = "héllo wörld"
print(len(s), s[1], s[-1], s[1:4], s[::-1], s[::2], s[7], s.upper(), s.title())
e = "a😀b🎉c"
print(len(e), e[1], e[3], e[-1], e[1:4], list(e), e[::-1])
print([ord(c) for c in e], chr(128512), chr(233), chr(0x4e2d) + chr(0x6587))
mixed = "日本語テキスト"
print(len(mixed), mixed[2:5], mixed.find("テ"), mixed.index("キ"), "本" in mixed)
print(s.encode("utf-8"), len(s.encode()), e.encode(), b"h\xc3\xa9".decode("utf-8"))
print("ß".upper(), "İ".lower() == "i̇", "ǅ".lower(), "straße".casefold())
for i, c in enumerate("añ😀"):
    print(i, c, ord(c), repr(c))
t = ""
for c in "ünïcödé":
    t = c + t
print(t, t == "ünïcödé"[::-1])
print("é" * 5, "-".join("àéî"), "😀".join(["a", "b", "c"]))
print("héllo".replace("é", "e"), "héllo".split("l"), "  ñ  ".strip() + "|")
print("héllo".startswith("hé"), "héllo".endswith("llo"), "héllo".count("l"), "héllo".rfind("l"))
print(sorted("hélloàz"), min("héllo"), max("héllo"))
print("abc" < "abd", "é" > "z", "😀" > "é", "a" * 0 == "")
print(str(b"caf\xc3\xa9", "utf-8"), "café".encode("latin-1"), "x\u00e9y".isalpha(), "٣".isdigit())
long = "é" * 1000 + "x"
print(len(long), long[999], long[1000], long.index("x"))
print("Ωmega".center(11, "*"), "Ω".ljust(3, "·") + "|", "Ω".rjust(3) + "|", "Ωmega".zfill(8))
print(ascii("héllo😀"), repr("héllo😀"))
