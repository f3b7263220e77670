for exc in [ValueError("v"), TypeError("t"), IndexError("i")]:
    try:
        raise exc
    except (ValueError, TypeError) as e:
        print("first", type(e).__name__)
    except Exception as e:
        print("second", type(e).__name__)
