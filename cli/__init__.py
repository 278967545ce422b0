"""The contentkit command line: thin click commands over the library."""
