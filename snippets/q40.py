from unittest.mock import patch, MagicMock
def get_user_data(user_id):
    import requests
    response = requests.get(f"https://api.example.com/users/{user_id}")
    return response.json()
@patch("requests.get")
def test_get_user_data(mock_get):
    mock_get.return_value = MagicMock(
        json=lambda: {"name": "Alice", "id": 1}
    )
    result = get_user_data(1)
    assert result["name"] == "Alice"
    mock_get.assert_called_once_with("https://api.example.com/users/1")
