# A small program: an inventory with classes, properties, sorting, grouping,
# report formatting and error handling.
from collections import defaultdict
class OutOfStock(Exception):
    def __init__(self, item, wanted, have):
        super().__init__(f"{item}: wanted {wanted}, have {have}")
        self.item = item
class Item:
    def __init__(self, sku, name, category, price, qty):
        self.sku, self.name, self.category = sku, name, category
        self.price, self.qty = price, qty
    @property
    def value(self):
        return round(self.price * self.qty, 2)
    def __repr__(self):
        return f"Item({self.sku!r}, qty={self.qty})"
class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
        self.log.append(("add", item.sku, item.qty))
    def take(self, sku, n):
        it = self.items.get(sku)
        if it is None:
            raise KeyError(sku)
        if it.qty < n:
            raise OutOfStock(it.name, n, it.qty)
        it.qty -= n
        self.log.append(("take", sku, n))
        return it.price * n
    def by_category(self):
        groups = defaultdict(list)
        for it in self.items.values():
            groups[it.category].append(it)
        return {k: sorted(v, key=lambda i: i.name) for k, v in sorted(groups.items())}
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<14}{'Qty':>5}{'Price':>9}{'Value':>10}"]
        for cat, items in self.by_category().items():
            lines.append(f"[{cat}]")
            for i in items:
                lines.append(f"{i.sku:<6}{i.name:<14}{i.qty:>5}{i.price:>9.2f}{i.value:>10.2f}")
        total = sum(i.value for i in self.items.values())
        lines.append(f"{'TOTAL':<34}{total:>10.2f}")
        return "\n".join(lines)
inv = Inventory()
for row in [("A1", "widget", "tools", 2.50, 100), ("B7", "gadget", "toys", 12.99, 7),
            ("C3", "sprocket", "tools", 0.35, 1200), ("D4", "yo-yo", "toys", 1.25, 40),
            ("E5", "manual", "books", 19.95, 3), ("A1", "widget", "tools", 2.50, 20)]:
    inv.add(Item(*row))
print(inv.report())
revenue = 0.0
for sku, n in [("A1", 30), ("B7", 10), ("Z9", 1), ("C3", 1200), ("E5", 3), ("D4", 41)]:
    try:
        revenue += inv.take(sku, n)
        print("sold", n, sku)
    except OutOfStock as e:
        print("out of stock:", e, "| item:", e.item)
    except KeyError as e:
        print("unknown sku", e)
print(f"revenue {revenue:.2f}")
print(inv.report())
print(inv.log)
empty = [i for i in inv.items.values() if i.qty == 0]
print("empty:", empty, "most valuable:", max(inv.items.values(), key=lambda i: i.value))
