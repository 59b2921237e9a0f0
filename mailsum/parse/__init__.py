"""One raw message to a ParsedMessage: headers, body, own text, auto-reply kind."""
