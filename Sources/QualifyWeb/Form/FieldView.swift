/// What a template needs to draw one question. Every property is always set (false, "" or
/// empty): a Mustache name missing from a field would be looked up in the field around it, and
/// a text box inside a group would then be drawn as a group again.
struct FieldView {
    var id = "", name = "", label = "", hint = "", hintID = "", errorID = "", describedBy = "", value = ""
    var prefix = "", suffix = "", inputmode = "", widthClass = "", wordLimit = "", wordLimitID = ""
    var day = "", month = "", year = ""
    /// A date and time: the time boxes, and what the person cannot see but must not lose
    /// (the seconds and the time zone the file already had).
    var isDateTime = false, hour = "", minute = "", second = "", zone = ""
    /// The section's own question: its legend or label is the page's heading.
    var isTop = false, hasDescribedBy = false, hasInputmode = false
    var invalid = false, hasHint = false, hasWordLimit = false, hasMessages = false
    var isText = false, isTextarea = false, isDate = false, isRadios = false, isCheckboxes = false, isSelect = false
    var isGroup = false, isList = false, hasPrefix = false, hasSuffix = false
    var messages: [MessageView] = []
    var options: [OptionView] = []
    var fields: [FieldView] = []
    var items: [ItemView] = []
    var isLong = false
    var canAdd = false, addLabel = "", addAction = "", addTarget = "", listMarker = ""
    /// For "Check your answers": the answer in words.
    var answer = ""
}

struct ItemView {
    var hasHeading = false
    var heading = "", headingID = "", removeLabel = "", removeAction = "", removeTarget = ""
    var fields: [FieldView] = []
}

struct OptionView {
    var value = "", label = "", id = ""
    var checked = false, selected = false
}

/// A finding shown beside its field, or in a summary linking to it.
struct MessageView {
    var text = "", severity = "", severityClass = "", guidance = "", target = "", id = ""
    var blocks = false
    var hasRemove = false, removeAction = "", removeLabel = "", place = ""
}
