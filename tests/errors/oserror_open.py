with open("/nonexistent/gilt-test.txt") as f:
    print(f.read())
