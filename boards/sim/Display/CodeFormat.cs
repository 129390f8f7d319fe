namespace Phone.Sim.Display
{
    /// <summary>How the verification code is written for people: "123 456".</summary>
    internal static class CodeFormat
    {
        /// <summary>The code in groups of three digits.</summary>
        public static string Grouped(string code)
        {
            if (string.IsNullOrEmpty(code) || code.Length != 6)
            {
                return code ?? string.Empty;
            }

            return code.Substring(0, 3) + " " + code.Substring(3);
        }
    }
}
