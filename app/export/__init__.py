"""Drafts out of the app: Word documents (python-docx), written all or nothing."""
