# expect: hand-written
command = "go"
match command:
    case "go":
        print("going")
