import asyncio
async def fetch_url(url):
    print(f"Fetching {url}...")
    await asyncio.sleep(1) # Simulates network I/O
    return f"Data from {url}"
async def main():
    # Run three requests concurrently (not sequentially)
    tasks = [
        fetch_url("https://api.example.com/users"),
        fetch_url("https://api.example.com/orders"),
        fetch_url("https://api.example.com/products"),
    ]
    results = await asyncio.gather(*tasks)
    for result in results:
        print(result)
asyncio.run(main())
# All three complete in ~1 second, not ~3 seconds
