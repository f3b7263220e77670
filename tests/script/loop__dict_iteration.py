prices = {"tea": 2.5, "cake": 4.0}
for item in prices:
    print(item, prices[item])
for item, price in sorted(prices.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{item}: {price:.2f}")
