-- A quarantine row keeps a bounded record (transforms/held.py): short fields as they are, long texts
-- as an excerpt and their length, long lists as their length. The page itself stays in the raw store.
COMMENT ON COLUMN quarantine.record IS
    'What is kept of the record as JSON: its short fields (url, title, keys, language, dates), a long text as an excerpt of 300 characters and its length (<field>_chars), a long list as its length (<field>_items). The page itself: fetch_log.raw_path of its url.';
