import type { Config } from "tailwindcss";

/** Design tokens of the portal: brand, the two stock colours, spacing. Loaded by app/globals.css. */
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          200: "#b6d6ff",
          500: "#1f6fd1",
          600: "#155bb0",
          700: "#11498d",
          900: "#0b2a52",
        },
        stock: {
          in: "#15803d",
          "in-bg": "#dcfce7",
          out: "#b91c1c",
          "out-bg": "#fee2e2",
        },
      },
      spacing: {
        touch: "2.75rem",
        gutter: "1rem",
        "gutter-lg": "1.5rem",
      },
      maxWidth: { page: "80rem" },
    },
  },
};

export default config;
