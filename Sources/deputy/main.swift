print("deputy")
