"""cme-credits' Lambda code: handlers (routes), services (rules), models (tables), schemas (API shapes)."""
