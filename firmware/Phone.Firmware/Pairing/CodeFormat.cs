// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// How long the verification code is: decimal digits (the product: 6) or,
    /// for tests that measure grinding, a number of bits.
    /// </summary>
    public class CodeFormat
    {
        private CodeFormat(int digits, int bits)
        {
            Digits = digits;
            Bits = bits;
        }

        /// <summary>Decimal digits (0 when the code is given in bits).</summary>
        public int Digits { get; private set; }

        /// <summary>Bits (0 when the code is given in digits).</summary>
        public int Bits { get; private set; }

        /// <summary>A code of digits decimal digits (1..9).</summary>
        public static CodeFormat FromDigits(int digits)
        {
            if (digits < 1 || digits > 9)
            {
                throw new System.ArgumentOutOfRangeException("digits");
            }

            return new CodeFormat(digits, 0);
        }

        /// <summary>A code of bits bits (1..24), shown in decimal.</summary>
        public static CodeFormat FromBits(int bits)
        {
            if (bits < 1 || bits > 24)
            {
                throw new System.ArgumentOutOfRangeException("bits");
            }

            return new CodeFormat(0, bits);
        }

        /// <summary>Number of distinct codes.</summary>
        public long Space
        {
            get
            {
                if (Bits > 0)
                {
                    return 1L << Bits;
                }

                long space = 1;
                for (int i = 0; i < Digits; i++)
                {
                    space *= 10;
                }

                return space;
            }
        }

        /// <summary>Decimal digits shown on the display.</summary>
        public int DisplayDigits
        {
            get
            {
                if (Digits > 0)
                {
                    return Digits;
                }

                int digits = 1;
                long limit = 10;
                while (limit < Space)
                {
                    digits++;
                    limit *= 10;
                }

                return digits;
            }
        }
    }
}
