# String building, splitting and dict counting.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
def make_text(n):
    parts = []
    for i in range(n):
        parts.append(words[(i * 31) % len(words)] + str(i % 100))
    return " ".join(parts)
counts = {}
total_len = 0
for rep in range(13):
    text = make_text(100000)
    total_len += len(text)
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    upper = text.upper()
    total_len += upper.count("ALPHA")
    s = ""
    for i in range(20000):
        s += words[i % 8][0]
    total_len += len(s) + len(f"{rep}:{len(counts)}")
best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(total_len, len(counts), best)
