x = 1
y = 2
while True:
