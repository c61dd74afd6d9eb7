public enum QualifyVersion {
    public static let tool = "0.1.0"
}
