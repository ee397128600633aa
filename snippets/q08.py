# Create a virtual environment
# python -m venv myproject_env
# Activate it (Linux/Mac)
# source myproject_env/bin/activate
# Activate it (Windows)
# myproject_env\Scripts\activate
# Install packages into the isolated environment
# pip install pandas==2.2.0
