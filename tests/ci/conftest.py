def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs the real pipeline with the spaCy model (tens of seconds)")
    config.addinivalue_line("markers", "browser: drives a headless Chromium through Playwright")
