print("key=value=x".partition("="), "novalue".partition("="))
