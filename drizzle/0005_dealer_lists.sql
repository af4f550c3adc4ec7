CREATE TABLE "delivery_addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_code" text NOT NULL,
	"address" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "favourites" (
	"customer_code" text NOT NULL,
	"sku" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favourites_pk" PRIMARY KEY("customer_code","sku")
);
--> statement-breakpoint
CREATE TABLE "order_list_lines" (
	"list_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_list_lines_pk" PRIMARY KEY("list_id","sku")
);
--> statement-breakpoint
CREATE TABLE "order_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_code" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchased_lines" (
	"customer_code" text NOT NULL,
	"order_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" numeric(14, 4),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchased_lines_pk" PRIMARY KEY("customer_code","order_id","sku")
);
--> statement-breakpoint
ALTER TABLE "order_list_lines" ADD CONSTRAINT "order_list_lines_list_id_order_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."order_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_addresses_customer_idx" ON "delivery_addresses" USING btree ("customer_code","updated_at");--> statement-breakpoint
CREATE INDEX "order_list_lines_position_idx" ON "order_list_lines" USING btree ("list_id","position");--> statement-breakpoint
CREATE INDEX "order_lists_customer_idx" ON "order_lists" USING btree ("customer_code","updated_at");--> statement-breakpoint
CREATE INDEX "purchased_lines_sku_idx" ON "purchased_lines" USING btree ("customer_code","sku","ordered_at");