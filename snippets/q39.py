import pytest
@pytest.fixture
def sample_database():
    db = {"users": [{"name": "Alice", "age": 30}]}
    yield db # Test runs here
    db.clear() # Teardown
@pytest.fixture
def api_client():
    client = create_test_client()
    yield client
    client.close()
def test_user_count(sample_database):
    assert len(sample_database["users"]) == 1
def test_add_user(sample_database):
    sample_database["users"].append({"name": "Bob", "age": 25})
    assert len(sample_database["users"]) == 2
