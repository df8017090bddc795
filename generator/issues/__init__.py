"""An issue form, answered, as draft records: `handbook import-issue`.

`form` reads the form (.github/ISSUE_TEMPLATE/kennisoverdracht.yml) and the
event GitHub hands a workflow, and finds each answer in the issue's text by
its label; `answers` judges the answers against the handbook and makes draft
lessons of them; `proposal` writes the handover proposal for the pull
request; `importing` checks the drafts with every other record and writes
them, new files only.
"""
