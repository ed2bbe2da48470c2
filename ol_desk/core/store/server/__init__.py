"""The shared deployment on PostgreSQL: setting a server up, its group roles and rights, and who is signed in."""
