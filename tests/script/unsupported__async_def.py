# expect: hand-written
async def main():
    pass
