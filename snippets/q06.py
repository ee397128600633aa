def log_message(level, *args, **kwargs):
    print(f"[{level}]", *args)
    for key, value in kwargs.items():
        print(f" {key}: {value}")
log_message("INFO", "User logged in", user="alice", ip="192.168.1.1")
# [INFO] User logged in
# user: alice
# ip: 192.168.1.1
