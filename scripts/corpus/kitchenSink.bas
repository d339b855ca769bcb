Sub Main(inPath As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  sheets = doc.getSheets()
  src = sheets.getByName("Posts")
  sheets.insertNewByName("Pivot", sheets.getCount())
  dp = sheets.getByName("Pivot").getDataPilotTables()
  desc = dp.createDataPilotDescriptor()
  Dim rng As New com.sun.star.table.CellRangeAddress
  rng.Sheet = 3
  rng.StartColumn = 0
  rng.StartRow = 4
  rng.EndColumn = 6
  rng.EndRow = 28
  desc.setSourceRange(rng)
  fields = desc.getDataPilotFields()
  unitField = fields.getByIndex(3)
  unitField.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.ROW
  costField = fields.getByIndex(4)
  costField.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.DATA
  costField.Function = com.sun.star.sheet.GeneralFunction.SUM
  Dim dest As New com.sun.star.table.CellAddress
  dest.Sheet = sheets.getCount() - 1
  dest.Column = 0
  dest.Row = 0
  dp.insertNewByName("PivotByUnit", dest, desc)
  Dim rect As New com.sun.star.awt.Rectangle
  rect.X = 1000
  rect.Y = 1000
  rect.Width = 10000
  rect.Height = 7000
  Dim cr(0) As New com.sun.star.table.CellRangeAddress
  cr(0).Sheet = 1
  cr(0).StartColumn = 0
  cr(0).StartRow = 4
  cr(0).EndColumn = 5
  cr(0).EndRow = 13
  sheets.getByName("Instruments").getCharts().addNewByName("PartiesChart", rect, cr(), True, True)
  Dim cellAddr As New com.sun.star.table.CellAddress
  cellAddr.Sheet = 3
  cellAddr.Column = 0
  cellAddr.Row = 4
  src.getAnnotations().insertNew(cellAddr, "Checked against the staffing table")
  Dim origin As New com.sun.star.table.CellAddress
  doc.NamedRanges.addNewByName("PscRate", "0.13", origin, 0)
  doc.NamedRanges.addNewByName("DoubledPsc", "PscRate*2", origin, 0)
  Dim outArgs(0) As New com.sun.star.beans.PropertyValue
  outArgs(0).Name = "FilterName"
  outArgs(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(outPath), outArgs())
  doc.close(True)
End Sub
