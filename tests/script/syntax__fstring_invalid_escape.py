name = "x"
message = f"{name}: \xZZ"
