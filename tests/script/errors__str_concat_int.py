label = "total: " + 5
