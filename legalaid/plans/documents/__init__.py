"""The plan implementation report (báo cáo kết quả thực hiện kế hoạch) as .docx (state document format, from the
template written by ``build_templates``) and .xlsx. See ``report``."""
