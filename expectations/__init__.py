"""Great Expectations suites as declarative data, and the runner that splits passed from held-back rows."""
