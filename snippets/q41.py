# Run with coverage
# pytest --cov=myproject --cov-report=html tests/
# Example output:
# Name Stmts Miss Cover
# -----------------------------------------
# myproject/core.py 50 5 90%
# myproject/utils.py 30 0 100%
# -----------------------------------------
# TOTAL 80 5 94%
