// Minimal stand-in for office-addin-manifest in Jest: office-addin-mock only reads the OfficeApp enum.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    Project: "project",
    PowerPoint: "powerpoint",
    Word: "word",
  },
};
