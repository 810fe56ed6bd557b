"""Pure stages: segment -> tokenise -> map to the canonical record -> validate -> store / diff / report."""
