"""Sources: fetching web pages and feeds safely, extracting articles, parsing RSS and Atom."""
