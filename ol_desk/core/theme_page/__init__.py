"""One theme's page: everything the force has been told about it, what was done, and what is still open (no Qt).

    from ol_desk.core.theme_page.page import theme_page
    page = theme_page(session, "custody")        # a ThemePage; every number a Slice with its register filter
"""
